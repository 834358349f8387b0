"""The scoring engine: pure array rules (prices, TCO, normalisation, methods, consensus, red
flags, weight sampling), and the engine that assembles them into a Scorecard."""
