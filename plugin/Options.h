// plugin/Options.h — the plugin's options (-fplugin-arg-bpfverify-NAME[=VALUE])
// and their parsing. INTERFACE.md lists the user-visible ones.
#ifndef BPFVERIFY_PLUGIN_OPTIONS_H
#define BPFVERIFY_PLUGIN_OPTIONS_H

#include <string>
#include <vector>

namespace bpfverify {

struct Options {
  std::vector<std::string> Kernels; // empty: the default profile
  std::string Exact;                // exact=K: profile K's real kernel
  std::string JsonPath;             // json=PATH
  std::string LogPath;              // log=PATH
  std::string DumpObjectPath;       // dump-object=PATH (hidden, for tests)
  bool Warn = false;                // warn: rejections are warnings
  bool Strict = false;              // strict: "could not verify" is an error
  bool Unpriv = false;              // unpriv: unprivileged loader
  unsigned TimeoutSeconds = 60;     // timeout=S (hidden): verification limit
  bool TimeoutSet = false;          // timeout= given (exact= waits longer)
  bool DebugStall = false;          // debug-stall (hidden, for tests): hang
  bool DebugCrash = false;          // debug-crash (hidden, for tests): crash
  bool DebugPipeline = false;       // debug-pipeline (hidden, for tests):
                                    // a remark naming the module verified
};

// Parses one plugin argument ("kernel=6.18", "warn", …) into Opts.
// Returns false and sets Err (with the offending argument) when it is unknown
// or malformed.
bool parseOption(const std::string &Arg, Options &Opts, std::string &Err);

// Seconds the isolated child may take: timeout= when given; exact= boots a
// kernel under QEMU (tens of seconds under TCG), so it defaults to 15 min.
unsigned effectiveTimeout(const Options &Opts);

} // namespace bpfverify

#endif
