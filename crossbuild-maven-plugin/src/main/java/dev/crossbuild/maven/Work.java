package dev.crossbuild.maven;

import dev.crossbuild.core.CrossbuildException;

/**
 * What a goal does, made by its {@code prepare} once every parameter is read and checked: a snapshot of the
 * mojo that runs under the build lock.
 */
@FunctionalInterface
interface Work {

    void run() throws CrossbuildException;
}
