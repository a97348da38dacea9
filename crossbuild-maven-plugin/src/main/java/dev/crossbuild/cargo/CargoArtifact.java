package dev.crossbuild.cargo;

/**
 * A file cargo produced for a target, from a {@code compiler-artifact} message.
 *
 * @param kind  the cargo target kind: {@code bin}, {@code cdylib}, {@code dylib} or {@code staticlib}
 * @param crate the name of the cargo target (binary or library name)
 * @param path  absolute path of the file
 */
public record CargoArtifact(String kind, String crate, String path) {
}
