"""The Textual user interface: renders engine reports and sends orders."""
