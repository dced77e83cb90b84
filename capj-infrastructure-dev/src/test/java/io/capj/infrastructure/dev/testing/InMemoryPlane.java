package io.capj.infrastructure.dev.testing;

import io.capj.bootstrap.kubeadm.KubeadmConfigController;
import io.capj.core.CoreControllers;
import io.capj.core.testing.CorePlane;
import io.capj.infrastructure.dev.DevProvider;
import io.capj.runtime.Manager;
import io.capj.runtime.RemoteClusters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.BiConsumer;

/**
 * A management plane for in-memory clusters: the real embedded API server (memory or SQLite) running the core
 * controllers, the kubeadm bootstrap provider and the Dev provider's inMemory backend, plus whatever else the
 * caller registers (the KubeadmControlPlane provider, a metrics observer). Closing it stops the controllers,
 * then the workload clusters, then the server.
 */
public final class InMemoryPlane implements AutoCloseable {
    private final CorePlane plane;
    private final DevProvider dev;

    private InMemoryPlane(CorePlane plane, DevProvider dev) {
        this.plane = plane;
        this.dev = dev;
    }

    /** Starts it; {@code more} registers extra controllers or observers on the same manager. */
    public static InMemoryPlane start(boolean durable, BiConsumer<Manager, RemoteClusters> more) {
        DevProvider dev;
        try {
            dev = new DevProvider(DevProvider.Settings.defaults(Files.createTempDirectory("capj-inmemory-plane")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the workload clusters' directory", e);
        }
        CorePlane plane = durable ? CorePlane.startDurable() : CorePlane.start();
        plane.startControllers((manager, remotes) -> {
            more.accept(manager, remotes);
            CoreControllers.register(manager, remotes);
            KubeadmConfigController.register(manager, remotes);
            dev.register(manager);
        });
        return new InMemoryPlane(plane, dev);
    }

    public CorePlane plane() {
        return plane;
    }

    public DevProvider dev() {
        return dev;
    }

    @Override
    public void close() {
        plane.stopControllers();
        dev.close();
        plane.close();
    }
}
