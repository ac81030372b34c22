"""Figures as every output prints them (scores, typed points, a change against the previous period, the component
columns), below the documents: the results workbook, the desk and the command line print numbers without them."""
