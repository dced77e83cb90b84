package io.capj.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReconcileMetricsTest {

    @Test
    void rendersControllerRuntimeSeriesInPrometheusText() {
        ReconcileMetrics metrics = new ReconcileMetrics();
        metrics.recordReconcile("machine", ReconcileMetrics.SUCCESS, 3_000_000);
        metrics.recordReconcile("machine", ReconcileMetrics.ERROR, 70_000_000_000L);
        metrics.addActiveWorkers("machine", 1);
        metrics.registerQueue("machine", () -> 7);

        String text = metrics.render();

        assertThat(text)
                .contains("controller_runtime_reconcile_total{controller=\"machine\",result=\"success\"} 1")
                .contains("controller_runtime_reconcile_total{controller=\"machine\",result=\"error\"} 1")
                .contains("controller_runtime_reconcile_errors_total{controller=\"machine\"} 1")
                .contains("controller_runtime_reconcile_time_seconds_bucket{controller=\"machine\",le=\"0.005\"} 1")
                .contains("controller_runtime_reconcile_time_seconds_bucket{controller=\"machine\",le=\"60.0\"} 1")
                .contains("controller_runtime_reconcile_time_seconds_bucket{controller=\"machine\",le=\"+Inf\"} 2")
                .contains("controller_runtime_reconcile_time_seconds_count{controller=\"machine\"} 2")
                .contains("controller_runtime_active_workers{controller=\"machine\"} 1")
                .contains("workqueue_depth{name=\"machine\"} 7");
        assertThat(metrics.reconcileErrors("machine")).isEqualTo(1);
    }
}
