package dev.baton.triage;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** Every cue's setting; kinds not listed keep {@link CueSetting#STANDARD}. */
public record CueSettings(Map<CueKind, CueSetting> settings) {

    public CueSettings {
        EnumMap<CueKind, CueSetting> copy = new EnumMap<>(CueKind.class);
        copy.putAll(Objects.requireNonNull(settings, "settings"));
        settings = Collections.unmodifiableMap(copy);
    }

    public static CueSettings standard() {
        return new CueSettings(Map.of());
    }

    public CueSetting of(CueKind kind) {
        return settings.getOrDefault(kind, CueSetting.STANDARD);
    }

    /** These settings with {@code overrides} on top (a channel's own settings over the community's). */
    public CueSettings with(Map<CueKind, CueSetting> overrides) {
        EnumMap<CueKind, CueSetting> merged = new EnumMap<>(CueKind.class);
        merged.putAll(settings);
        merged.putAll(overrides);
        return new CueSettings(merged);
    }
}
