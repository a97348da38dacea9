package dev.crossbuild.cargo;

import java.util.List;
import java.util.TreeSet;

/**
 * What decides which binaries cargo makes from the same sources: the profile and the features. A record
 * written by {@code cargo-build} carries it, and {@code package-arch} packages only what matches its own.
 */
public record CargoSelection(String profile, List<String> features, boolean allFeatures, boolean noDefaultFeatures) {

    public CargoSelection {
        profile = profile == null || profile.isBlank() ? "release" : profile.trim();
        // --features a,b and --features b --features a select the same
        features = features == null ? List.of() : List.copyOf(new TreeSet<>(features.stream()
                .filter(f -> f != null && !f.isBlank()).flatMap(f -> java.util.Arrays.stream(f.split("[,\\s]+")))
                .filter(f -> !f.isBlank()).toList()));
    }

    /**
     * The same profile and features, field by field: a record's own equals costs a bootstrap on its first call,
     * which a build with nothing to do feels (bench/noop.sh).
     */
    public boolean sameAs(CargoSelection other) {
        return other != null && allFeatures == other.allFeatures && noDefaultFeatures == other.noDefaultFeatures
                && profile.equals(other.profile) && features.equals(other.features);
    }

    /** As a person reads it: {@code profile `release`, features [] (default features)}. */
    public String describe() {
        return "profile `" + profile + "`, features " + features + (allFeatures ? " + --all-features" : "")
                + (noDefaultFeatures ? " without default features" : "");
    }

    /** cargo's arguments for these features: {@code --features a,b}, {@code --all-features}, {@code --no-default-features}. */
    public List<String> featureArgs() {
        List<String> args = new java.util.ArrayList<>();
        if (!features.isEmpty()) {
            args.add("--features");
            args.add(String.join(",", features));
        }
        if (allFeatures) {
            args.add("--all-features");
        }
        if (noDefaultFeatures) {
            args.add("--no-default-features");
        }
        return args;
    }
}
