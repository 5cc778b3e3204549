package dev.mixtape.app.config;

/**
 * When the server retrains the listening model by itself.
 *
 * @param retrainEvents  retrain once this many events arrived since the last training (default 1,000; 0: never on count)
 * @param retrainMinutes retrain when this long passed since the last training and any event arrived (default 360; 0: never on time)
 * @param importLastFm   whether {@code serve} imports Last.fm 2k from the data folder when it finds it and nothing was
 *                       imported yet (default true), so a fresh install has listeners to learn from
 */
public record TrainingConfig(int retrainEvents, int retrainMinutes, boolean importLastFm) {
    public static final TrainingConfig DEFAULT = new TrainingConfig(1000, 360, true);

    public TrainingConfig {
        if (retrainEvents < 0) {
            throw new ConfigException("model.retrain.events must be 0 (off) or more, got " + retrainEvents);
        }
        if (retrainMinutes < 0) {
            throw new ConfigException("model.retrain.minutes must be 0 (off) or more, got " + retrainMinutes);
        }
    }
}
