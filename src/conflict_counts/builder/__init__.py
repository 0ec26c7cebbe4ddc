"""Seeds and annotations in, a validated ``dataset/`` and the card's generated blocks out."""

