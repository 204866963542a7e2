"""kg: knowledge graphs from Chinese local news pages."""

__version__ = "0.1.0"
