"""`python -m pipeline` runs the command line."""

import sys

from pipeline.cli import main

sys.exit(main())
