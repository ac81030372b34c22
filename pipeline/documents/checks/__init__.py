"""Templates and documents checked before they go out: a template's tags, parts and layout, the ND30 rule pack,
and what was found as Word comments."""
