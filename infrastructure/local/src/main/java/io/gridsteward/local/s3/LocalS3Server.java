package io.gridsteward.local.s3;

import io.gridsteward.local.PortInUseException;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * An S3-compatible server in this JVM: S3Proxy over jclouds' {@code filesystem-nio2} provider, one directory per
 * bucket under {@code directory}, so the local lake persists. (The older {@code filesystem} provider lists
 * directory placeholders as objects.) Clients must send {@code WHEN_REQUIRED} checksums: S3Proxy 2.6.0 answers
 * 501 to the aws-chunked uploads that SDK 2.57 sends by default.
 */
public final class LocalS3Server implements AutoCloseable {
    private static final String GUICE_BYTECODE_GENERATION = "guice_bytecode_gen_option";
    private final S3Proxy proxy;
    private final BlobStoreContext context;

    private LocalS3Server(S3Proxy proxy, BlobStoreContext context) {
        this.proxy = proxy;
        this.context = context;
    }

    /** Serves {@code directory} on {@code port} of the loopback interface (0 for an ephemeral port). */
    public static LocalS3Server start(int port, Path directory) throws IOException {
        Files.createDirectories(directory);
        // jclouds needs no Guice AOP; without bytecode generation Guice leaves sun.misc.Unsafe alone (JDK 24+ warns).
        if (System.getProperty(GUICE_BYTECODE_GENERATION) == null) {
            System.setProperty(GUICE_BYTECODE_GENERATION, "DISABLED");
        }
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem-nio2")
                .credentials("local", "local")
                .overrides(properties)
                .buildView(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.NONE, null, null)
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
        return new LocalS3Server(proxy, context);
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
