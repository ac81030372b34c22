"""Word layout measured from the data: text widths, column widths, short rules, names and header lines kept
whole, the signature kept with its text."""
