-- Exercise histories are computed from training_session when read; only the weekly aggregates are kept.
DROP TABLE exercise_history;
