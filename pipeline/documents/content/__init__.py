"""What each document shows, as plain, already formatted values: the header, the decision's, report's, notice's
and summary's contexts, and the names a template may use."""
