// plugin/Options.cpp — parsing of -fplugin-arg-bpfverify-NAME[=VALUE].
#include "Options.h"

#include <cstdlib>

namespace bpfverify {

static bool splitValue(const std::string &Arg, const std::string &Name,
                       std::string &Value) {
  if (Arg.compare(0, Name.size() + 1, Name + "=") != 0)
    return false;
  Value = Arg.substr(Name.size() + 1);
  return true;
}

bool parseOption(const std::string &Arg, Options &Opts, std::string &Err) {
  std::string V;
  if (Arg == "warn") {
    Opts.Warn = true;
    return true;
  }
  if (Arg == "strict") {
    Opts.Strict = true;
    return true;
  }
  if (Arg == "unpriv") {
    Opts.Unpriv = true;
    return true;
  }
  if (Arg == "debug-stall") {
    Opts.DebugStall = true;
    return true;
  }
  if (Arg == "debug-crash") {
    Opts.DebugCrash = true;
    return true;
  }
  if (Arg == "debug-pipeline") {
    Opts.DebugPipeline = true;
    return true;
  }
  if (splitValue(Arg, "timeout", V)) {
    char *End = nullptr;
    unsigned long S = V.empty() ? 0 : strtoul(V.c_str(), &End, 10);
    if (V.empty() || *End || S == 0 || S > 86400) {
      Err = "option 'timeout=" + V + "': expected seconds, 1 to 86400";
      return false;
    }
    Opts.TimeoutSeconds = (unsigned)S;
    Opts.TimeoutSet = true;
    return true;
  }
  if (splitValue(Arg, "kernel", V)) {
    Opts.Kernels.clear();
    size_t Start = 0;
    for (;;) {
      size_t Comma = V.find(',', Start);
      std::string K = V.substr(Start, Comma == std::string::npos
                                          ? std::string::npos
                                          : Comma - Start);
      if (K.empty()) {
        Err = "option 'kernel=" + V + "': empty kernel name";
        return false;
      }
      Opts.Kernels.push_back(K);
      if (Comma == std::string::npos)
        break;
      Start = Comma + 1;
    }
    return true;
  }
  if (splitValue(Arg, "exact", V)) {
    if (V.empty() || V.find(',') != std::string::npos) {
      Err = "option 'exact=" + V + "': expected one kernel profile";
      return false;
    }
    Opts.Exact = V;
    return true;
  }
  std::string *Path = nullptr;
  std::string Name;
  if (splitValue(Arg, "json", V)) {
    Path = &Opts.JsonPath;
    Name = "json";
  } else if (splitValue(Arg, "log", V)) {
    Path = &Opts.LogPath;
    Name = "log";
  } else if (splitValue(Arg, "dump-object", V)) {
    Path = &Opts.DumpObjectPath;
    Name = "dump-object";
  }
  if (Path) {
    if (V.empty()) {
      Err = "option '" + Name + "=': missing path";
      return false;
    }
    *Path = V;
    return true;
  }
  if (Arg == "kernel" || Arg == "exact" || Arg == "json" || Arg == "log" || Arg == "dump-object")
    Err = "option '" + Arg + "' needs a value ('" + Arg + "=…')";
  else
    Err = "unknown option '" + Arg +
          "' (known: kernel=K[,K...], exact=K, json=PATH|-, log=PATH, warn, strict, unpriv)";
  return false;
}

unsigned effectiveTimeout(const Options &Opts) {
  if (!Opts.Exact.empty() && !Opts.TimeoutSet)
    return 900;
  return Opts.TimeoutSeconds;
}

} // namespace bpfverify
