package dev.airlock.classify.http;

import dev.airlock.classify.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Object storage spoken over HTTP: Amazon S3 (virtual-hosted and path-style hosts), Cloudflare R2,
 * DigitalOcean Spaces, Google Cloud Storage (XML and JSON APIs), and any S3-compatible server
 * recognised by its AWS signature headers. Deleting an object loses it; deleting a bucket, or
 * {@code POST ?delete} (multi-object delete), loses everything.
 */
final class ObjectStores {

  /** Where a request points: which store, bucket and object key (empty for the bucket). */
  record Location(String store, String bucket, String key, boolean gcsJson) {}

  private static final Set<String> BUCKET_CONFIG =
      Set.of(
          "lifecycle",
          "policy",
          "cors",
          "tagging",
          "website",
          "encryption",
          "replication",
          "metrics",
          "inventory",
          "analytics",
          "ownershipcontrols",
          "publicaccessblock",
          "intelligent-tiering",
          "acl",
          "versioning",
          "object-lock",
          "logging",
          "notification",
          "accelerate",
          "requestpayment");

  private ObjectStores() {}

  static @Nullable Location locate(Url url, HttpRequest req) {
    String h = url.host();
    List<String> s = url.segments();
    if (h.endsWith(".amazonaws.com")) {
      String[] labels = labels(h);
      for (int i = 0; i < labels.length; i++) {
        String l = labels[i];
        if (l.equals("s3") || (l.startsWith("s3-") && !l.startsWith("s3-control"))) {
          return i == 0 ? pathStyle("s3", s) : virtual("s3", join(labels, 0, i), s);
        }
      }
      return null;
    }
    if (h.endsWith(".r2.cloudflarestorage.com")) {
      String[] labels = labels(h);
      int r2 = labels.length - 3;
      return r2 <= 1 ? pathStyle("r2", s) : virtual("r2", join(labels, 0, r2 - 1), s);
    }
    if (h.endsWith(".digitaloceanspaces.com")) {
      String[] labels = labels(h);
      return labels.length <= 3
          ? pathStyle("spaces", s)
          : virtual("spaces", join(labels, 0, labels.length - 3), s);
    }
    if (h.equals("storage.googleapis.com") || h.equals("www.googleapis.com")) {
      if (s.size() >= 4 && s.get(0).equals("storage") && s.get(2).equals("b")) {
        String key = s.size() >= 6 && s.get(4).equals("o") ? s.get(5) : "";
        return new Location("gcs", s.get(3), key, true);
      }
      if (!s.isEmpty() && (s.get(0).equals("upload") || s.get(0).equals("batch"))) {
        return null;
      }
      return h.equals("storage.googleapis.com") ? pathStyle("gcs", s) : null;
    }
    if (h.endsWith(".storage.googleapis.com")) {
      return virtual("gcs", h.substring(0, h.length() - ".storage.googleapis.com".length()), s);
    }
    if (signedLikeAws(req)) {
      return pathStyle("s3-compatible", s);
    }
    return null;
  }

  private static boolean signedLikeAws(HttpRequest req) {
    String auth = req.header("Authorization");
    if (auth != null && (auth.startsWith("AWS4-HMAC-SHA256") || auth.startsWith("AWS "))) {
      return true;
    }
    for (var e : req.headers()) {
      if (e.getKey().toLowerCase(Locale.ROOT).startsWith("x-amz-")) {
        return true;
      }
    }
    return false;
  }

  static Judgment judge(Location loc, Url url, HttpRequest req, String method) {
    String program = loc.store().equals("s3-compatible") ? "s3-compatible" : loc.store();
    String id = "http.rest." + (loc.store().equals("s3-compatible") ? "s3" : loc.store());
    String scheme = loc.store().equals("gcs") ? "gs://" : "s3://";
    String bucket = scheme + loc.bucket();
    String object = bucket + "/" + loc.key();
    if (loc.bucket().isEmpty()) {
      return method.equals("GET") || method.equals("HEAD")
          ? Judgment.read(id + ".list-buckets", program, "buckets", "lists buckets")
          : Judgment.write(id + ".service", program, "store", method + " to the storage service");
    }
    String config = subresource(url);
    return switch (method) {
      case "GET", "HEAD", "OPTIONS" ->
          Judgment.read(
              id + ".read", program, loc.key().isEmpty() ? bucket : object, "reads from " + bucket);
      case "DELETE" -> {
        if (!loc.key().isEmpty()) {
          yield Judgment.of(
              id + ".object-delete",
              program,
              "delete",
              object,
              Severity.DESTRUCTIVE,
              "DELETE removes object "
                  + object
                  + (url.hasParam("versionId")
                      ? " (that version, permanently)"
                      : "; without versioning it is gone"));
        }
        if (config != null) {
          yield Judgment.of(
              id + ".bucket-config-delete",
              program,
              "delete",
              bucket + " " + config,
              Severity.DESTRUCTIVE,
              "DELETE removes the " + config + " configuration of bucket " + bucket);
        }
        yield Judgment.of(
            id + ".bucket-delete",
            program,
            "delete",
            bucket,
            Severity.CATASTROPHIC,
            "DELETE deletes bucket " + bucket + " itself");
      }
      case "POST" -> {
        if (url.hasParam("delete") && loc.key().isEmpty()) {
          int keys = count(req.body(), "<Key>");
          yield Judgment.of(
              id + ".multi-object-delete",
              program,
              "delete",
              bucket,
              Severity.CATASTROPHIC,
              "POST ?delete removes "
                  + (keys > 0 ? keys + " objects" : "many objects")
                  + " of bucket "
                  + bucket
                  + " in one request");
        }
        yield Judgment.write(id + ".write", program, object, "POST writes to " + bucket);
      }
      case "PUT", "PATCH" -> {
        if (loc.key().isEmpty() && config != null && !config.equals("tagging")) {
          yield Judgment.of(
              id + ".bucket-config-change",
              program,
              "configure",
              bucket + " " + config,
              Severity.DESTRUCTIVE,
              method
                  + " replaces the "
                  + config
                  + " configuration of bucket "
                  + bucket
                  + "; lifecycle rules can expire every object and a policy can make it public");
        }
        yield Judgment.write(
            id + ".write",
            program,
            loc.key().isEmpty() ? bucket : object,
            loc.key().isEmpty()
                ? method + " creates or updates bucket " + bucket
                : method + " uploads " + object + ", replacing any object of that name");
      }
      default ->
          Judgment.unknown(
              id + ".method", program, object, "method " + method + " is not an object-store call");
    };
  }

  private static @Nullable String subresource(Url url) {
    String q = url.query();
    if (q.isEmpty()) {
      return null;
    }
    int i = 0;
    while (i <= q.length()) {
      int amp = q.indexOf('&', i);
      int e = amp < 0 ? q.length() : amp;
      int eq = q.indexOf('=', i);
      String name = q.substring(i, eq < 0 || eq > e ? e : eq).toLowerCase(Locale.ROOT);
      if (BUCKET_CONFIG.contains(name)) {
        return name;
      }
      if (amp < 0) {
        break;
      }
      i = amp + 1;
    }
    return null;
  }

  private static Location pathStyle(String store, List<String> s) {
    if (s.isEmpty()) {
      return new Location(store, "", "", false);
    }
    return new Location(store, s.get(0), join(s, 1), false);
  }

  private static Location virtual(String store, String bucket, List<String> s) {
    return new Location(store, bucket, join(s, 0), false);
  }

  private static String join(List<String> s, int from) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < s.size(); i++) {
      if (i > from) {
        sb.append('/');
      }
      sb.append(s.get(i));
    }
    return sb.toString();
  }

  private static String join(String[] labels, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (i > from) {
        sb.append('.');
      }
      sb.append(labels[i]);
    }
    return sb.toString();
  }

  private static String[] labels(String host) {
    int n = 1;
    for (int i = 0; i < host.length(); i++) {
      if (host.charAt(i) == '.') {
        n++;
      }
    }
    String[] out = new String[n];
    int k = 0;
    int start = 0;
    for (int i = 0; i <= host.length(); i++) {
      if (i == host.length() || host.charAt(i) == '.') {
        out[k++] = host.substring(start, i);
        start = i + 1;
      }
    }
    return out;
  }

  private static int count(String s, String needle) {
    int c = 0;
    int i = s.indexOf(needle);
    while (i >= 0 && c < 1_000_000) {
      c++;
      i = s.indexOf(needle, i + needle.length());
    }
    return c;
  }
}
