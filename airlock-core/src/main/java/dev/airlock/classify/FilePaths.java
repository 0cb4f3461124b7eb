package dev.airlock.classify;

import java.util.Locale;
import java.util.Set;

/**
 * What a file path says about the file: whether it holds credentials, whether overwriting it loses
 * something that cannot be rebuilt, whether it is CI configuration or a database migration. One
 * list for every classifier: a shell redirection, an MCP server's {@code write_file} and an agent
 * runtime's own {@code Write} tool judge the same path the same way. Paths are compared by name,
 * case-insensitively; nothing is read from disk.
 */
public final class FilePaths {

  /** File names that hold credentials wherever they are. */
  private static final Set<String> SECRET_NAMES =
      Set.of(
          ".env",
          "credentials",
          "credentials.json",
          "credentials.yml",
          "credentials.yaml",
          "application_default_credentials.json",
          ".netrc",
          "_netrc",
          ".pgpass",
          ".git-credentials",
          ".npmrc",
          ".pypirc",
          ".htpasswd",
          "secrets.json",
          "secrets.yml",
          "secrets.yaml",
          "secrets.toml",
          ".secrets",
          "master.key",
          "kubeconfig",
          "terraform.tfvars");

  /** Directories under the home directory whose files hold credentials. */
  private static final String[] SECRET_DIRS = {
    "/.ssh/",
    "/.aws/",
    "/.gnupg/",
    "/.kube/",
    "/.docker/config.json",
    "/.config/gcloud/",
    "/.azure/",
    "/.railway/",
    "/.config/gh/",
    "/.fly/",
    "/.config/heroku/",
    "/.netlify/",
    "/.vercel/",
    "/.supabase/",
    "/.terraform.d/credentials",
    "/.config/doctl/",
    "/.password-store/"
  };

  /** Files in those directories that hold nothing secret. */
  private static final Set<String> PUBLIC_NAMES =
      Set.of("known_hosts", "config", "authorized_keys", "environment");

  private static final String[] TEMPLATE_SUFFIXES = {
    ".example", ".sample", ".template", ".dist", ".defaults", ".tmpl", ".schema"
  };

  /** Files that are meant to be empty; writing nothing to them loses nothing. */
  private static final Set<String> EMPTY_BY_DESIGN =
      Set.of("__init__.py", ".gitkeep", ".keep", "py.typed", ".nojekyll", ".gitignore");

  private FilePaths() {}

  /** Lower-cased, with {@code \} as {@code /}, so Windows paths compare too. */
  public static String normalize(String path) {
    return path.strip().replace('\\', '/').toLowerCase(Locale.ROOT);
  }

  private static String base(String p) {
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /**
   * Whether the file holds credentials: {@code .env} files, private keys, cloud and CLI credential
   * files, token stores. Templates ({@code .env.example}) and public keys do not count.
   */
  public static boolean secret(String path) {
    String p = normalize(path);
    while (p.endsWith("*") || p.endsWith("?")) {
      p = p.substring(0, p.length() - 1); // a glob: .env* names .env and its siblings
    }
    String base = base(p);
    if (base.isEmpty() || base.endsWith(".pub")) {
      return false;
    }
    for (String suffix : TEMPLATE_SUFFIXES) {
      if (base.endsWith(suffix)) {
        return false;
      }
    }
    if (SECRET_NAMES.contains(base)
        || base.startsWith(".env.")
        || base.endsWith(".env")
        || base.endsWith(".pem")
        || base.endsWith(".key")
        || base.endsWith(".p12")
        || base.endsWith(".pfx")
        || base.endsWith(".jks")
        || base.endsWith(".keystore")
        || base.endsWith(".tfstate")
        || base.endsWith(".tfstate.backup")
        || base.startsWith("id_rsa")
        || base.startsWith("id_ed25519")
        || base.startsWith("id_ecdsa")
        || base.startsWith("id_dsa")
        || base.startsWith("service-account")
        || base.startsWith("serviceaccount")
        || tokenFile(base)) {
      return true;
    }
    if (PUBLIC_NAMES.contains(base) && !p.contains("/.kube/") && !p.contains("/.docker/")) {
      return false;
    }
    String rooted = p.startsWith("~/") ? p.substring(1) : p;
    String probe = "/" + rooted + "/";
    for (String dir : SECRET_DIRS) {
      if (probe.contains(dir)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code token}, {@code .token}, {@code api_token.txt}, {@code github-token}: names of tokens.
   */
  private static boolean tokenFile(String base) {
    int dot = base.indexOf('.', 1);
    String stem = dot < 0 ? base : base.substring(0, dot);
    String ext = dot < 0 ? "" : base.substring(dot);
    if (!(ext.isEmpty() || ext.equals(".txt") || ext.equals(".json") || ext.equals(".token"))) {
      return false;
    }
    return stem.equals("token")
        || stem.equals(".token")
        || stem.endsWith("_token")
        || stem.endsWith("-token")
        || stem.endsWith("_tokens")
        || stem.equals("tokens")
        || stem.endsWith("apikey")
        || stem.endsWith("api_key")
        || stem.endsWith("api-key");
  }

  /**
   * Whether overwriting the file loses something that cannot be rebuilt from the repository:
   * credentials, keys, local databases, terraform state, git's own files, the system's files, shell
   * start-up files in the home directory.
   *
   * @param home whether the path is known to be in the user's home directory
   */
  public static boolean important(String path, boolean home) {
    String p = normalize(path);
    String base = base(p);
    return secret(p)
        || agentGuard(p)
        || base.equals(".env")
        || base.startsWith(".env.")
        || base.equals("credentials")
        || base.endsWith(".sqlite")
        || base.endsWith(".sqlite3")
        || base.endsWith(".db")
        || base.endsWith(".tfstate")
        || p.startsWith("/etc/")
        || p.startsWith("/boot/")
        || p.startsWith("/usr/")
        || p.startsWith("/bin/")
        || p.contains(".git/")
        || p.startsWith("~/.ssh")
        || p.contains("/.ssh/")
        || p.startsWith("~/.aws")
        || p.startsWith("~/.kube")
        || p.startsWith("~/.gnupg")
        || (home
            && (base.equals(".bashrc")
                || base.equals(".zshrc")
                || base.equals(".profile")
                || base.equals(".bash_profile")));
  }

  /**
   * Whether the file is where an agent runtime keeps its hooks, Airlock's among them: {@code
   * .claude/settings.json}, {@code .cursor/hooks.json}, {@code .codex/hooks.json} or {@code
   * config.toml}, {@code .gemini/settings.json}. An agent that edits or deletes one can turn off
   * its own guard rails.
   */
  public static boolean agentGuard(String path) {
    String p = "/" + normalize(path);
    return p.endsWith("/.claude/settings.json")
        || p.endsWith("/.claude/settings.local.json")
        || p.endsWith("/managed-settings.json")
        || p.endsWith("/.cursor/hooks.json")
        || p.endsWith("/.codex/hooks.json")
        || p.endsWith("/.codex/config.toml")
        || p.endsWith("/.gemini/settings.json")
        || p.endsWith("/gemini-cli/settings.json");
  }

  /** Whether the file configures CI, which runs with the repository's deploy credentials. */
  public static boolean ciConfig(String path) {
    String p = normalize(path);
    String base = base(p);
    return p.contains(".github/workflows/")
        || p.contains(".github/actions/")
        || p.contains(".circleci/")
        || p.contains(".buildkite/")
        || p.contains(".gitlab/ci/")
        || base.equals(".gitlab-ci.yml")
        || base.equals("jenkinsfile")
        || base.equals("azure-pipelines.yml")
        || base.equals("bitbucket-pipelines.yml")
        || base.equals(".travis.yml")
        || base.equals("cloudbuild.yaml")
        || base.equals("cloudbuild.yml");
  }

  /**
   * Whether the file is a database migration: changing one that has already run makes the recorded
   * schema history a lie.
   */
  public static boolean migration(String path) {
    String p = normalize(path);
    return p.contains("/migrations/")
        || p.startsWith("migrations/")
        || p.contains("db/migrate/")
        || p.contains("alembic/versions/")
        || p.contains("/migration/")
        || p.startsWith("migration/")
        || base(p).matches("v\\d+(_\\d+)*__.+\\.sql");
  }

  /** Whether the file is one that is meant to be empty ({@code __init__.py}, {@code .gitkeep}). */
  public static boolean emptyByDesign(String path) {
    return EMPTY_BY_DESIGN.contains(base(normalize(path)));
  }
}
