package dev.crossbuild.image;

import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of the OCI distribution protocol an image push needs, over {@link HttpClient}: blob HEAD checks,
 * monolithic blob uploads (POST then PUT with the digest), manifest PUT and GET, and authentication as registries
 * ask for it in {@code WWW-Authenticate}: Basic, or a Bearer token fetched from the realm with the credentials.
 */
public final class RegistryClient {

    /** A user name and password (or token), or none. */
    public record Credentials(String username, String password) {
        public static final Credentials NONE = new Credentials(null, null);

        boolean present() {
            return username != null && !username.isEmpty();
        }
    }

    /** Where the credentials of each registry host come from. */
    @FunctionalInterface
    public interface Logins {
        Credentials of(String registry) throws CrossbuildException;
    }

    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /**
     * Redirects are followed by hand: registries send blob downloads to storage (a CDN, S3) that refuses the
     * registry's {@code Authorization} header, so it must not travel with the redirect.
     */
    private final HttpClient http;
    private final ImageName name;
    private final String base;
    private final Credentials credentials;
    private final Duration timeout;
    private String authorization;

    /** The longest a registry may stay silent by default: a minute (connecting: at most {@link #CONNECT}). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** The longest a connection may take to open, or the timeout when that is shorter. */
    public static final Duration CONNECT = Duration.ofSeconds(30);

    /** The environment variables credentials may come from (besides settings.xml), never a parameter. */
    public static final String USERNAME_VARIABLE = "CROSSBUILD_IMAGE_USERNAME";
    public static final String PASSWORD_VARIABLE = "CROSSBUILD_IMAGE_PASSWORD";

    /** Where a registry's credentials go, for messages. */
    public static String whereCredentialsGo(String registry) {
        return "settings.xml (a <server> with <id>" + registry + "</id>, <username> and <password>, which mvn"
                + " --encrypt-password can encrypt) or the environment variables " + USERNAME_VARIABLE + " and "
                + PASSWORD_VARIABLE;
    }

    /** The property that sets the timeout, for messages. */
    public static final String TIMEOUT_PROPERTY = "crossbuild.image.timeout";

    /**
     * @param insecure plain HTTP instead of HTTPS ({@code -Dcrossbuild.image.insecure})
     * @param timeout  the longest the registry may go without sending or taking a byte (connecting included)
     *                 before a request fails: a registry that accepts and never answers must not hang the build
     */
    public RegistryClient(ImageName name, Credentials credentials, boolean insecure, Duration timeout) {
        this.name = name;
        this.base = (insecure ? "http://" : "https://") + name.registry() + "/v2/" + name.repository();
        this.credentials = credentials;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout.compareTo(CONNECT) < 0 ? timeout : CONNECT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public boolean hasBlob(String digest) throws CrossbuildException {
        HttpResponse<Void> response = send(HttpRequest.newBuilder(URI.create(base + "/blobs/" + digest))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.discarding(),
                "push");
        // a redirect to the storage that holds it also says the registry has it
        return response.statusCode() == 200 || redirect(response.statusCode());
    }

    private static boolean redirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    public void uploadBlob(String digest, Path file) throws CrossbuildException {
        HttpResponse<String> start = send(HttpRequest.newBuilder(URI.create(base + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofString(), "push");
        expect(start, 202, "start the upload of " + digest);
        String location = start.headers().firstValue("Location").orElseThrow(() -> new MachineException(
                "the registry " + name.registry() + " started an upload without a Location header"));
        URI upload = URI.create(base).resolve(location);
        String separator = upload.getQuery() == null ? "?" : "&";
        URI put = URI.create(upload + separator + "digest=" + URLEncoder.encode(digest, StandardCharsets.UTF_8));
        HttpResponse<String> done;
        try {
            done = send(HttpRequest.newBuilder(put).header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofFile(file)), HttpResponse.BodyHandlers.ofString(), "push");
        } catch (java.io.FileNotFoundException | java.io.UncheckedIOException e) {
            throw new MachineException("could not read " + file + ": " + e.getMessage(), e);
        }
        expect(done, 201, "upload " + digest);
    }

    public void putManifest(String reference, String mediaType, byte[] bytes) throws CrossbuildException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/manifests/" + reference))
                .header("Content-Type", mediaType).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)),
                HttpResponse.BodyHandlers.ofString(), "push");
        expect(response, 201, "put the manifest " + reference);
    }

    /** A manifest or index and its media type, or empty when the registry does not have it. */
    public Optional<Map.Entry<String, byte[]>> getManifest(String reference) throws CrossbuildException {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(base + "/manifests/" + reference))
                .header("Accept", String.join(", ", Oci.INDEX, Oci.MANIFEST, Oci.DOCKER_LIST, Oci.DOCKER_MANIFEST))
                .GET(), HttpResponse.BodyHandlers.ofByteArray(), "pull");
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        expect(response, 200, "get the manifest " + reference);
        return Optional.of(Map.entry(response.headers().firstValue("Content-Type").orElse(""), response.body()));
    }

    public void downloadBlob(String digest, Path into) throws CrossbuildException {
        URI blob = URI.create(base + "/blobs/" + digest);
        HttpResponse<Path> response = send(HttpRequest.newBuilder(blob).GET(), HttpResponse.BodyHandlers.ofFile(into),
                "pull");
        for (int hops = 0; redirect(response.statusCode()) && hops < 5; hops++) {
            String location = response.headers().firstValue("Location").orElseThrow(() -> new MachineException(
                    "the registry " + name.registry() + " redirected " + digest + " without a Location header"));
            blob = blob.resolve(location);
            response = exchange(HttpRequest.newBuilder(blob).GET().build(), HttpResponse.BodyHandlers.ofFile(into));
        }
        expect(response, 200, "get the blob " + digest);
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body, String action)
            throws CrossbuildException {
        HttpResponse<T> response = exchange(withAuthorization(request).build(), body);
        if (response.statusCode() == 401) {
            String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
            authorization = authenticate(challenge, action);
            response = exchange(withAuthorization(request).build(), body);
            if (response.statusCode() == 401) {
                throw new ProjectException("the registry " + name.registry() + " refused the credentials for "
                        + action + " to " + name.repository() + "; " + credentialsHint());
            }
        }
        if (response.statusCode() == 403) {
            throw new ProjectException("the registry " + name.registry() + " denies " + action + " to "
                    + name.repository() + " (403); check the repository name and the account's rights");
        }
        return response;
    }

    private HttpRequest.Builder withAuthorization(HttpRequest.Builder request) {
        HttpRequest.Builder copy = request.copy();
        if (authorization != null) {
            copy.setHeader("Authorization", authorization);
        }
        return copy;
    }

    /**
     * Sends a request and waits for its response, failing when nothing moves for the timeout: no byte of the
     * request taken, no header or byte of the response received. The JDK client's own request timeout would also
     * cut a long upload that is still moving, and it has no read timeout, so the silence is watched here.
     */
    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws CrossbuildException {
        AtomicLong moved = new AtomicLong(System.nanoTime());
        HttpRequest watched = request.bodyPublisher().<HttpRequest>map(publisher -> HttpRequest.newBuilder(request,
                (header, value) -> true).method(request.method(), watch(publisher, moved)).build()).orElse(request);
        CompletableFuture<HttpResponse<T>> future = http.sendAsync(watched, watch(body, moved));
        long limit = timeout.toNanos();
        try {
            while (true) {
                long left = limit - (System.nanoTime() - moved.get());
                if (left <= 0) {
                    future.cancel(true);
                    throw new MachineException("the registry " + name.registry() + " sent and took nothing for "
                            + seconds(timeout) + " (" + request.method() + " " + request.uri() + "); check that it is"
                            + " up and is a registry, or wait longer with -D" + TIMEOUT_PROPERTY + "=SECONDS");
                }
                try {
                    return future.get(left, TimeUnit.NANOSECONDS);
                } catch (TimeoutException stillWaiting) {
                    // moved may have been touched meanwhile: the loop looks again
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpConnectTimeoutException) {
                Duration connect = timeout.compareTo(CONNECT) < 0 ? timeout : CONNECT;
                throw new MachineException("could not connect to the registry " + name.registry() + " within "
                        + seconds(connect) + " (" + request.uri() + "); check the host and port in the image name"
                        + " and that the registry is up" + (timeout.compareTo(CONNECT) < 0 ? ", or wait longer with -D"
                        + TIMEOUT_PROPERTY + "=SECONDS" : ""), cause);
            }
            throw new MachineException("could not reach the registry " + name.registry() + " (" + request.uri()
                    + "): " + cause + (request.uri().getScheme().equals("https") ? "; for a registry that speaks"
                    + " plain HTTP (a local one), set -Dcrossbuild.image.insecure=true" : ""), cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new MachineException("interrupted while talking to the registry " + name.registry(), e);
        }
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }

    /** The request's body, each piece the client takes counting as movement. */
    private static HttpRequest.BodyPublisher watch(HttpRequest.BodyPublisher publisher, AtomicLong moved) {
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return publisher.contentLength();
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                publisher.subscribe(new Flow.Subscriber<ByteBuffer>() {
                    @Override
                    public void onSubscribe(Flow.Subscription subscription) {
                        subscriber.onSubscribe(subscription);
                    }

                    @Override
                    public void onNext(ByteBuffer item) {
                        moved.set(System.nanoTime());
                        subscriber.onNext(item);
                    }

                    @Override
                    public void onError(Throwable throwable) {
                        subscriber.onError(throwable);
                    }

                    @Override
                    public void onComplete() {
                        moved.set(System.nanoTime());
                        subscriber.onComplete();
                    }
                });
            }
        };
    }

    /** The response: its headers and each piece of its body counting as movement. */
    private static <T> HttpResponse.BodyHandler<T> watch(HttpResponse.BodyHandler<T> handler, AtomicLong moved) {
        return info -> {
            moved.set(System.nanoTime());
            HttpResponse.BodySubscriber<T> inner = handler.apply(info);
            return new HttpResponse.BodySubscriber<T>() {
                @Override
                public CompletionStage<T> getBody() {
                    return inner.getBody();
                }

                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    inner.onSubscribe(subscription);
                }

                @Override
                public void onNext(List<ByteBuffer> item) {
                    moved.set(System.nanoTime());
                    inner.onNext(item);
                }

                @Override
                public void onError(Throwable throwable) {
                    inner.onError(throwable);
                }

                @Override
                public void onComplete() {
                    inner.onComplete();
                }
            };
        };
    }

    private String authenticate(String challenge, String action) throws CrossbuildException {
        if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
            if (!credentials.present()) {
                throw new ProjectException("the registry " + name.registry() + " needs credentials to " + action
                        + "; " + credentialsHint());
            }
            return basic();
        }
        if (!challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
            throw new MachineException("the registry " + name.registry() + " asks for an authentication the plugin"
                    + " does not speak: " + challenge);
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(challenge);
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        String realm = params.get("realm");
        if (realm == null) {
            throw new MachineException("the registry " + name.registry() + " sent a Bearer challenge without a realm: "
                    + challenge);
        }
        StringBuilder uri = new StringBuilder(realm).append(realm.contains("?") ? "&" : "?");
        if (params.containsKey("service")) {
            uri.append("service=").append(URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8)).append('&');
        }
        uri.append("scope=").append(URLEncoder.encode(params.getOrDefault("scope", "repository:" + name.repository()
                + ":pull,push"), StandardCharsets.UTF_8));
        HttpRequest.Builder token = HttpRequest.newBuilder(URI.create(uri.toString())).GET();
        if (credentials.present()) {
            token.header("Authorization", basic());
        }
        HttpResponse<String> response = exchange(token.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new ProjectException("the token service of " + name.registry() + " refused the credentials for "
                    + action + " to " + name.repository() + "; " + credentialsHint());
        }
        expect(response, 200, "get a token");
        var json = Oci.parse(response.body().getBytes(StandardCharsets.UTF_8), "the token of " + name.registry());
        String value = json.has("token") ? json.get("token").getAsString()
                : json.has("access_token") ? json.get("access_token").getAsString() : null;
        if (value == null) {
            throw new MachineException("the token service of " + name.registry() + " answered without a token");
        }
        return "Bearer " + value;
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((credentials.username() + ":" + credentials.password())
                .getBytes(StandardCharsets.UTF_8));
    }

    private String credentialsHint() {
        return "give them in " + whereCredentialsGo(name.registry());
    }

    private void expect(HttpResponse<?> response, int status, String what) throws MachineException {
        if (response.statusCode() != status) {
            Object body = response.body();
            String text = body instanceof String s ? s : body instanceof byte[] b
                    ? new String(b, StandardCharsets.UTF_8) : "";
            throw new MachineException("the registry " + name.registry() + " answered " + response.statusCode()
                    + " to " + what + " in " + name.repository() + (text.isBlank() ? ""
                    : ": " + text.substring(0, Math.min(400, text.length())).strip()));
        }
    }
}
