"""The thông cáo's charts: what each shows, drawn as Word charts or pictures, and the summary rendered with them."""
