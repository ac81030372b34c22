"""A Word template filled with a context: docxtpl's language prepared once, within limits, from a plain Word
package, its cells put back in schema order."""
