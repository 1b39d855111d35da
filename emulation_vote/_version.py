"""The package's version: a leaf, so that any module can name the version without importing the package's API."""

__version__ = "0.1.0"
