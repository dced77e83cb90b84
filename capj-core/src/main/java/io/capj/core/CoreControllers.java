package io.capj.core;

import io.capj.core.cluster.ClusterController;
import io.capj.core.machine.MachineController;
import io.capj.core.machinedeployment.MachineDeploymentController;
import io.capj.core.machinehealthcheck.MachineHealthCheckController;
import io.capj.core.machineset.MachineSetController;
import io.capj.runtime.Manager;
import io.capj.runtime.RemoteClusters;

/** Registers every Cluster API core controller on a manager, as {@code capj serve} runs them. */
public final class CoreControllers {
    private CoreControllers() {
    }

    /**
     * Adds the Cluster, Machine, MachineSet, MachineDeployment and MachineHealthCheck controllers; call before
     * {@link Manager#start()}.
     */
    public static void register(Manager manager, RemoteClusters remotes) {
        ClusterController.register(manager);
        MachineController.register(manager, remotes);
        MachineSetController.register(manager);
        MachineDeploymentController.register(manager);
        MachineHealthCheckController.register(manager, remotes);
    }
}
