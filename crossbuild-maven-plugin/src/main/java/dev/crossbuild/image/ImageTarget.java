package dev.crossbuild.image;

import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.packaging.PackagedTarget;

/**
 * One target for the image: what it ships, as {@code package-arch} recorded it after the closure audit (in a fan-in
 * job, from the verified prebuilt archive).
 *
 * @param id       the target id
 * @param triple   its triple, which names the platform
 * @param packaged its record, or null when there is none (then {@code problem} says why)
 * @param problem  why there is no record, naming the fix; null with one
 */
public record ImageTarget(String id, TargetTriple triple, PackagedTarget packaged, String problem) {
}
