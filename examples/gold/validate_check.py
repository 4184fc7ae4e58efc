#!/usr/bin/env python3
"""Validate the gold files of the check corpus (or another, with --corpus NAME): validate.py with
`check` as its default corpus. usage: python3 examples/gold/validate_check.py [--corpus NAME] [--lines DOC_ID]"""
import runpy
import sys
from pathlib import Path

if "--corpus" not in sys.argv:
    sys.argv[1:1] = ["--corpus", "check"]
runpy.run_path(str(Path(__file__).resolve().parent / "validate.py"), run_name="__main__")
