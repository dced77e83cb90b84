package io.capj.e2e.clients;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code Widget.spec}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WidgetSpec {
    private String message;
    private Integer size;

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public Integer getSize() {
        return size;
    }

    public void setSize(Integer size) {
        this.size = size;
    }
}
