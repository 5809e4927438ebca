"""The search index follows what people do on a live server, every write committed."""
