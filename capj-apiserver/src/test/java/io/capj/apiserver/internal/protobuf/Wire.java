package io.capj.apiserver.internal.protobuf;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Test-side protobuf writer: builds messages field by field with protobuf-java's {@link CodedOutputStream},
 * the way gogo-protobuf's generated Go code writes them (it also writes zero-valued plain fields, see
 * {@link #kubectlMeta}).
 */
final class Wire {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(buffer);

    static Wire message() {
        return new Wire();
    }

    /** The envelope kubectl sends: {@code k8s\0} + runtime.Unknown{typeMeta, raw, contentEncoding, contentType}. */
    static byte[] envelope(String apiVersion, String kind, Wire raw) {
        byte[] unknown = message()
                .message(1, message().string(1, apiVersion).string(2, kind))
                .bytes(2, raw.toByteArray())
                .string(3, "")
                .string(4, "")
                .toByteArray();
        byte[] body = new byte[4 + unknown.length];
        System.arraycopy("k8s\0".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 4);
        System.arraycopy(unknown, 0, body, 4, unknown.length);
        return body;
    }

    /**
     * ObjectMeta as kubectl's typed clients marshal a fresh object: every plain field written, zero or not
     * (name, generateName, namespace, selfLink, uid, resourceVersion, generation, an empty creationTimestamp).
     */
    static Wire kubectlMeta(String name, String namespace) {
        return message().string(1, name).string(2, "").string(3, namespace).string(4, "").string(5, "")
                .string(6, "").varint(7, 0).message(8, message());
    }

    /** A meta/v1 Time or MicroTime. */
    static Wire time(long seconds, int nanos) {
        return message().varint(1, seconds).varint(2, nanos);
    }

    Wire string(int number, String value) {
        return write(() -> out.writeString(number, value));
    }

    Wire bytes(int number, byte[] value) {
        return write(() -> out.writeByteArray(number, value));
    }

    Wire varint(int number, long value) {
        return write(() -> out.writeInt64(number, value));
    }

    Wire bool(int number, boolean value) {
        return write(() -> out.writeBool(number, value));
    }

    Wire message(int number, Wire message) {
        return bytes(number, message.toByteArray());
    }

    /** One map entry {key = 1, value = 2}. */
    Wire entry(int number, String key, String value) {
        return message(number, message().string(1, key).string(2, value));
    }

    Wire entry(int number, String key, byte[] value) {
        return message(number, message().string(1, key).bytes(2, value));
    }

    Wire entry(int number, String key, Wire value) {
        return message(number, message().string(1, key).message(2, value));
    }

    /** Any raw tag and payload, for malformed input. */
    Wire raw(int... bytes) {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        return write(() -> out.writeRawBytes(raw));
    }

    byte[] toByteArray() {
        write(out::flush);
        return buffer.toByteArray();
    }

    private Wire write(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private interface IoAction {
        void run() throws IOException;
    }
}
