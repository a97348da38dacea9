package dev.crossbuild.core;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One build of a project at a time in its {@code target/crossbuild/}: a second {@code mvn package} of the
 * same project waits for the first, saying so (as cargo does for its build directory), instead of both
 * writing the same archives and records.
 */
public final class BuildLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private BuildLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static BuildLock acquire(Path file, BuildLog log) throws MachineException {
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                log.info("Blocking: another build of this project holds " + file + "; waiting for it to finish");
                lock = channel.lock();
                log.info("Lock on " + file + " acquired; continuing");
            }
            return new BuildLock(channel, lock);
        } catch (OverlappingFileLockException sameJvm) {
            closeQuietly(channel);
            throw new MachineException("another goal in this Maven run already holds " + file + "; two projects"
                    + " share one build directory, give each its own <build><directory>", sameJvm);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new MachineException("could not lock " + file + ": " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
