package dev.airlock.classify.shell.rules;

import java.util.Set;

/**
 * What Redis commands do, by name: reads, narrow writes, and the commands that destroy data, take
 * the server down or hand it to someone else. Module commands ({@code JSON.*}, {@code FT.*}, ...)
 * are narrow writes unless listed. A name in none of the tables is not understood.
 */
final class RedisCommands {

  private RedisCommands() {}

  static final Set<String> READS =
      Set.of(
          "GET",
          "MGET",
          "GETRANGE",
          "SUBSTR",
          "STRLEN",
          "EXISTS",
          "TTL",
          "PTTL",
          "EXPIRETIME",
          "PEXPIRETIME",
          "TYPE",
          "KEYS",
          "SCAN",
          "HGET",
          "HGETALL",
          "HMGET",
          "HKEYS",
          "HVALS",
          "HLEN",
          "HEXISTS",
          "HSCAN",
          "HSTRLEN",
          "HRANDFIELD",
          "HTTL",
          "LRANGE",
          "LLEN",
          "LINDEX",
          "LPOS",
          "SMEMBERS",
          "SISMEMBER",
          "SMISMEMBER",
          "SCARD",
          "SSCAN",
          "SRANDMEMBER",
          "SINTER",
          "SUNION",
          "SDIFF",
          "SINTERCARD",
          "ZRANGE",
          "ZRANGEBYSCORE",
          "ZRANGEBYLEX",
          "ZREVRANGE",
          "ZREVRANGEBYSCORE",
          "ZREVRANGEBYLEX",
          "ZRANK",
          "ZREVRANK",
          "ZSCORE",
          "ZMSCORE",
          "ZCARD",
          "ZCOUNT",
          "ZLEXCOUNT",
          "ZSCAN",
          "ZRANDMEMBER",
          "ZINTER",
          "ZUNION",
          "ZDIFF",
          "ZINTERCARD",
          "XRANGE",
          "XREVRANGE",
          "XLEN",
          "XREAD",
          "XINFO",
          "XPENDING",
          "PING",
          "ECHO",
          "INFO",
          "DBSIZE",
          "TIME",
          "LASTSAVE",
          "ROLE",
          "OBJECT",
          "DUMP",
          "RANDOMKEY",
          "TOUCH",
          "WAIT",
          "WAITAOF",
          "SELECT",
          "AUTH",
          "HELLO",
          "MONITOR",
          "SUBSCRIBE",
          "PSUBSCRIBE",
          "SSUBSCRIBE",
          "UNSUBSCRIBE",
          "PUNSUBSCRIBE",
          "SUNSUBSCRIBE",
          "PUBSUB",
          "COMMAND",
          "LOLWUT",
          "GETBIT",
          "BITCOUNT",
          "BITPOS",
          "BITFIELD_RO",
          "GEOPOS",
          "GEODIST",
          "GEORADIUS_RO",
          "GEORADIUSBYMEMBER_RO",
          "GEOSEARCH",
          "GEOHASH",
          "PFCOUNT",
          "SORT_RO",
          "EVAL_RO",
          "EVALSHA_RO",
          "FCALL_RO",
          "READONLY",
          "READWRITE",
          "QUIT",
          "RESET",
          "LCS",
          "HELP",
          "LATENCY",
          "JSON.GET",
          "JSON.MGET",
          "JSON.TYPE",
          "JSON.STRLEN",
          "JSON.OBJKEYS",
          "JSON.OBJLEN",
          "JSON.ARRLEN",
          "JSON.RESP",
          "FT.SEARCH",
          "FT.INFO",
          "FT._LIST",
          "FT.AGGREGATE",
          "FT.EXPLAIN",
          "FT.PROFILE",
          "TS.GET",
          "TS.MGET",
          "TS.RANGE",
          "TS.REVRANGE",
          "TS.MRANGE",
          "TS.INFO",
          "TS.QUERYINDEX",
          "BF.EXISTS",
          "BF.MEXISTS",
          "BF.INFO",
          "CF.EXISTS",
          "CF.INFO",
          "GRAPH.QUERY_RO",
          "GRAPH.LIST",
          "GRAPH.EXPLAIN");

  static final Set<String> WRITES =
      Set.of(
          "SET",
          "SETEX",
          "PSETEX",
          "SETNX",
          "SETRANGE",
          "MSET",
          "MSETNX",
          "APPEND",
          "INCR",
          "INCRBY",
          "INCRBYFLOAT",
          "DECR",
          "DECRBY",
          "GETSET",
          "GETEX",
          "EXPIRE",
          "PEXPIRE",
          "EXPIREAT",
          "PEXPIREAT",
          "PERSIST",
          "RENAME",
          "RENAMENX",
          "MOVE",
          "COPY",
          "RESTORE",
          "MIGRATE",
          "HSET",
          "HSETNX",
          "HMSET",
          "HINCRBY",
          "HINCRBYFLOAT",
          "HDEL",
          "HEXPIRE",
          "HPERSIST",
          "LPUSH",
          "RPUSH",
          "LPUSHX",
          "RPUSHX",
          "LINSERT",
          "LSET",
          "LREM",
          "LTRIM",
          "LPOP",
          "RPOP",
          "RPOPLPUSH",
          "LMOVE",
          "BLPOP",
          "BRPOP",
          "BLMOVE",
          "BRPOPLPUSH",
          "LMPOP",
          "BLMPOP",
          "SADD",
          "SREM",
          "SMOVE",
          "SPOP",
          "SINTERSTORE",
          "SUNIONSTORE",
          "SDIFFSTORE",
          "ZADD",
          "ZINCRBY",
          "ZREM",
          "ZREMRANGEBYSCORE",
          "ZREMRANGEBYRANK",
          "ZREMRANGEBYLEX",
          "ZPOPMIN",
          "ZPOPMAX",
          "BZPOPMIN",
          "BZPOPMAX",
          "ZMPOP",
          "BZMPOP",
          "ZRANGESTORE",
          "ZINTERSTORE",
          "ZUNIONSTORE",
          "ZDIFFSTORE",
          "XADD",
          "XDEL",
          "XTRIM",
          "XGROUP",
          "XACK",
          "XCLAIM",
          "XAUTOCLAIM",
          "XSETID",
          "XREADGROUP",
          "SETBIT",
          "BITOP",
          "BITFIELD",
          "GEOADD",
          "GEORADIUS",
          "GEORADIUSBYMEMBER",
          "GEOSEARCHSTORE",
          "PFADD",
          "PFMERGE",
          "SORT",
          "PUBLISH",
          "SPUBLISH",
          "MULTI",
          "EXEC",
          "DISCARD",
          "WATCH",
          "UNWATCH",
          "SAVE",
          "BGSAVE",
          "BGREWRITEAOF",
          "SWAPDB",
          "FAILOVER",
          "ASKING",
          "CLIENT",
          "SLOWLOG",
          "MEMORY");

  /** Module commands that delete an index, a graph or its documents. */
  static final Set<String> MODULE_DROPS = Set.of("FT.DROPINDEX", "FT.DROP", "GRAPH.DELETE");

  /** Module name prefixes whose other commands are narrow writes or reads. */
  static boolean isModule(String name) {
    int dot = name.indexOf('.');
    return dot > 0 && MODULES.contains(name.substring(0, dot));
  }

  private static final Set<String> MODULES =
      Set.of("JSON", "FT", "TS", "BF", "CF", "CMS", "TOPK", "TDIGEST", "GRAPH");

  /** CONFIG SET parameters whose change can lose data, lock clients out or write host files. */
  static final Set<String> DANGEROUS_CONFIG =
      Set.of(
          "dir",
          "dbfilename",
          "save",
          "appendonly",
          "appendfilename",
          "appenddirname",
          "requirepass",
          "masterauth",
          "masteruser",
          "replicaof",
          "slaveof",
          "aclfile",
          "logfile",
          "maxmemory",
          "maxmemory-policy",
          "rename-command",
          "enable-debug-command",
          "enable-module-command",
          "protected-mode",
          "bind");

  /** CONFIG SET parameters that hold a credential. */
  static final Set<String> SECRET_CONFIG = Set.of("requirepass", "masterauth");

  private static final Set<String> CLIENT_READS =
      Set.of("LIST", "INFO", "GETNAME", "ID", "GETREDIR", "TRACKINGINFO", "NO-EVICT", "HELP");
  private static final Set<String> FUNCTION_READS = Set.of("LIST", "STATS", "DUMP", "HELP");
  private static final Set<String> ACL_READS =
      Set.of("LIST", "USERS", "GETUSER", "WHOAMI", "CAT", "LOG", "HELP", "DRYRUN", "GENPASS");
  private static final Set<String> CLUSTER_READS =
      Set.of(
          "INFO",
          "NODES",
          "SLOTS",
          "SHARDS",
          "MYID",
          "MYSHARDID",
          "KEYSLOT",
          "COUNTKEYSINSLOT",
          "GETKEYSINSLOT",
          "REPLICAS",
          "SLAVES",
          "LINKS",
          "HELP",
          "COUNT-FAILURE-REPORTS");
  private static final Set<String> DEBUG_READS =
      Set.of("OBJECT", "DIGEST", "DIGEST-VALUE", "HELP", "LISTPACK");

  /** Whether a subcommand of a container command ({@code CLIENT LIST}) only reads. */
  static boolean readSubcommand(String command, String sub) {
    return switch (command) {
      case "CLIENT" -> CLIENT_READS.contains(sub);
      case "SLOWLOG", "LATENCY" -> !sub.equals("RESET");
      case "MEMORY" -> !sub.equals("PURGE");
      case "SCRIPT" -> sub.equals("EXISTS") || sub.equals("HELP");
      case "FUNCTION" -> FUNCTION_READS.contains(sub);
      case "ACL" -> ACL_READS.contains(sub);
      case "CLUSTER" -> CLUSTER_READS.contains(sub);
      case "CONFIG" -> sub.equals("GET") || sub.equals("HELP");
      case "MODULE" -> sub.equals("LIST") || sub.equals("HELP");
      case "DEBUG" -> DEBUG_READS.contains(sub);
      default -> false;
    };
  }
}
