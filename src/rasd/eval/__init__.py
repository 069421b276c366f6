"""Measuring rasd against gold annotations (`rasd.eval.gold` ports the reference scorer)."""
