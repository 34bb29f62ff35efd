package fr.academie.stack.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An HTTP client that behaves like a browser without JavaScript on localhost: it keeps cookies and
 * follows redirects one at a time so that tests can look at each step.
 *
 * <p>Keycloak marks its cookies Secure even over http; browsers still send them to localhost, but
 * {@code java.net.CookieManager} does not, so this keeps its own jar (one per host, like a browser
 * on localhost where ports share cookies).
 */
public final class Browser {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** The jar: a cookie is one name at one path (two realms of one Keycloak each set their AUTH_SESSION_ID). */
    private final Map<CookieKey, String> cookies = new LinkedHashMap<>();
    private String userAgent;
    private final Map<String, String> setCookieHeaders = new LinkedHashMap<>();

    /** Presents itself with this User-Agent from now on, as a given browser on a given system would. */
    public Browser userAgent(String value) {
        this.userAgent = value;
        return this;
    }

    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    public HttpResponse<String> get(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** Any method, with the given headers and an optional body (JSON or text). */
    public HttpResponse<String> send(String method, URI uri, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** Any method, with a body of bytes (a file), its answer as bytes (an archive, an mbox...). */
    public HttpResponse<byte[]> sendBytes(String method, URI uri, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> postForm(URI uri, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Follows redirects from the response until one leads to a URI the predicate accepts, or to a page. */
    public HttpResponse<String> follow(HttpResponse<String> response, java.util.function.Predicate<URI> stopAt) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10 && isRedirect(current); hops++) {
            URI next = location(current);
            if (stopAt.test(next)) {
                return current;
            }
            current = get(next);
        }
        return current;
    }

    public HttpResponse<String> follow(HttpResponse<String> response) {
        return follow(response, uri -> false);
    }

    /** Fills and submits the login form of a Keycloak page, as a person would. */
    public HttpResponse<String> submitLogin(HttpResponse<String> loginPage, String username, String password) {
        return postForm(formAction(loginPage), Map.of("username", username, "password", password, "credentialId", ""));
    }

    public static URI formAction(HttpResponse<String> page) {
        Matcher action = FORM_ACTION.matcher(page.body());
        if (!action.find()) {
            throw new AssertionError("No form on the page " + page.uri() + " (status " + page.statusCode() + ")");
        }
        return page.uri().resolve(action.group(1).replace("&amp;", "&"));
    }

    public static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() >= 300 && response.statusCode() < 400
                && response.headers().firstValue("Location").isPresent();
    }

    public static URI location(HttpResponse<?> response) {
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    /** The cookies by name (for a name set at several paths, the most specific one). */
    public Map<String, String> cookies() {
        Map<String, String> byName = new LinkedHashMap<>();
        cookies.entrySet().stream().sorted(Comparator.comparingInt(cookie -> cookie.getKey().path().length()))
                .forEach(cookie -> byName.put(cookie.getKey().name(), cookie.getValue()));
        return Map.copyOf(byName);
    }

    public String setCookieHeader(String name) {
        return setCookieHeaders.get(name);
    }

    /** Sets a cookie for every path, as a site's {@code Path=/} cookie. */
    public void setCookie(String name, String value) {
        cookies.put(new CookieKey("/", name), value);
    }

    private record CookieKey(String path, String name) {

        /** RFC 6265 path matching: the cookie's path is the request's path or one of its directories. */
        boolean sentTo(String requestPath) {
            return path.equals("/") || requestPath.equals(path)
                    || requestPath.startsWith(path.endsWith("/") ? path : path + "/");
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        if (userAgent != null) {
            request.setHeader("User-Agent", userAgent);
        }
        String path = Optional.ofNullable(request.copy().build().uri().getPath()).filter(p -> !p.isEmpty()).orElse("/");
        String cookieHeader = cookies.entrySet().stream().filter(cookie -> cookie.getKey().sentTo(path))
                .sorted(Comparator.comparingInt((Map.Entry<CookieKey, String> cookie) -> cookie.getKey().path().length())
                        .reversed()) // the most specific path first, as browsers send them
                .map(cookie -> cookie.getKey().name() + "=" + cookie.getValue()).collect(Collectors.joining("; "));
        if (!cookieHeader.isEmpty()) {
            request.header("Cookie", cookieHeader);
        }
        try {
            HttpResponse<T> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), body);
            remember(response.headers().allValues("Set-Cookie"));
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(List<String> setCookies) {
        for (String header : setCookies) {
            String[] parts = header.split(";");
            int equals = parts[0].indexOf('=');
            String name = parts[0].substring(0, equals).trim();
            String value = parts[0].substring(equals + 1).trim();
            setCookieHeaders.put(name, header);
            String lower = header.toLowerCase();
            boolean expired = value.isEmpty() || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")
                    || lower.contains("expires=thu, 01-jan-1970");
            String path = Arrays.stream(parts).skip(1).map(String::trim).filter(part -> part.toLowerCase().startsWith("path="))
                    .map(part -> part.substring(5).trim()).filter(p -> p.startsWith("/")).findFirst().orElse("/");
            if (expired) {
                cookies.remove(new CookieKey(path, name));
            } else {
                cookies.put(new CookieKey(path, name), value);
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
