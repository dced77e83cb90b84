package io.capj.e2e.clients;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code Widget.status}: what the operator last observed in the spec. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WidgetStatus {
    private String observed;

    public WidgetStatus() {
    }

    public WidgetStatus(String observed) {
        this.observed = observed;
    }

    public String getObserved() {
        return observed;
    }

    public void setObserved(String observed) {
        this.observed = observed;
    }
}
