"""The campaign format: pydantic models, the safe YAML loader, the expression language."""
