package io.gridsteward.local.s3;

import io.gridsteward.local.PortInUseException;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;

/**
 * An S3-compatible server in this JVM: S3Proxy over jclouds' {@code filesystem-nio2} provider, one directory per
 * bucket under {@code directory}, so the local lake persists. (The older {@code filesystem} provider lists
 * directory placeholders as objects.) Clients must send {@code WHEN_REQUIRED} checksums: S3Proxy 2.6.0 answers
 * 501 to the aws-chunked uploads that SDK 2.57 sends by default. As on AWS, every request must be signed (SigV2 or
 * SigV4, header or presigned URL) with the local credentials, so a presigned PUT with another {@code Content-Type}
 * than the one it was signed for is refused.
 */
public final class LocalS3Server implements AutoCloseable {
    /** The access key id and secret key the local stack's clients and functions sign with. */
    public static final String ACCESS_KEY = "local";

    public static final String SECRET_KEY = "local";
    private static final String GUICE_BYTECODE_GENERATION = "guice_bytecode_gen_option";
    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final S3Faults faults;

    private LocalS3Server(S3Proxy proxy, BlobStoreContext context, S3Faults faults) {
        this.proxy = proxy;
        this.context = context;
        this.faults = faults;
    }

    /** Serves {@code directory} on {@code port} of the loopback interface (0 for an ephemeral port). */
    public static LocalS3Server start(int port, Path directory) throws IOException {
        Files.createDirectories(directory);
        // jclouds needs no Guice AOP; without bytecode generation Guice leaves sun.misc.Unsafe alone (JDK 24+ warns).
        if (System.getProperty(GUICE_BYTECODE_GENERATION) == null) {
            System.setProperty(GUICE_BYTECODE_GENERATION, "DISABLED");
        }
        Properties properties = new Properties();
        properties.setProperty(
                "jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem-nio2")
                .credentials(ACCESS_KEY, SECRET_KEY)
                .overrides(properties)
                .buildView(BlobStoreContext.class);
        S3Faults faults = new S3Faults();
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(withFaults(context.getBlobStore(), faults))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        try {
            proxy.start();
        } catch (Exception failure) {
            context.close();
            if (PortInUseException.isBindFailure(failure)) {
                throw new PortInUseException(port, "--s3-port");
            }
            throw new IOException("S3Proxy did not start on port " + port, failure);
        }
        return new LocalS3Server(proxy, context, faults);
    }

    /** The blob store behind S3Proxy, with the fault switch in front of its puts (off unless a test turns it on). */
    private static BlobStore withFaults(BlobStore blobStore, S3Faults faults) {
        InvocationHandler handler = (target, method, arguments) -> {
            if (method.getName().equals("putBlob")
                    && arguments.length >= 2
                    && arguments[1] instanceof Blob blob
                    && faults.refusePut(blob.getMetadata().getName())) {
                throw new IllegalStateException(
                        "injected S3 fault: put of " + blob.getMetadata().getName() + " refused");
            }
            try {
                return method.invoke(blobStore, arguments);
            } catch (InvocationTargetException failure) {
                throw failure.getCause();
            }
        };
        return (BlobStore)
                Proxy.newProxyInstance(BlobStore.class.getClassLoader(), new Class<?>[] {BlobStore.class}, handler);
    }

    /** The fault switch of this server's puts, for fault-injection tests. */
    public S3Faults faults() {
        return faults;
    }

    public int port() {
        return proxy.getPort();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Creates {@code bucket} unless it exists; true if it was created. */
    public boolean createBucketIfMissing(String bucket) {
        return context.getBlobStore().createContainerInLocation(null, bucket);
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception failure) {
            throw new IllegalStateException("S3Proxy did not stop", failure);
        } finally {
            context.close();
        }
    }
}
