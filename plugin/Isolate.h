// plugin/Isolate.h — runs a piece of work in a forked child process with a
// time limit and brings back the bytes it produced.
//
// Why a process: LLVM's BPF backend keeps process-global state across
// modules (the CO-RE pass's map of access-key globals, sequence numbers),
// so a second code generation in clang's own process would corrupt both the
// compilation's output and ours. A child also contains crashes and hangs of
// the verifier: clang only ever sees a result, a crash or a timeout.
#ifndef BPFVERIFY_PLUGIN_ISOLATE_H
#define BPFVERIFY_PLUGIN_ISOLATE_H

#include <functional>
#include <string>

namespace bpfverify {

enum class IsolateStatus {
  Ok,        // Out holds what the work returned
  Crashed,   // the child died (Detail says how)
  TimedOut,  // killed after the time limit
  Failed,    // could not start the child (Detail says why)
};

IsolateStatus runIsolated(const std::function<std::string()> &Work,
                          unsigned TimeoutSeconds, std::string &Out,
                          std::string &Detail);

} // namespace bpfverify

#endif
