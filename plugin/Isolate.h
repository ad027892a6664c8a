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

// The same in two halves, so that clang can go on with its own work while
// the child runs (the plugin forks the child between the compilation's
// optimisation pipeline and its code generation, and collects the results
// at the end of the translation unit). The time limit counts from finish.
// The child dies with clang (PR_SET_PDEATHSIG) if clang never collects it.
struct IsolatedChild {
  int Pid = -1; // -1: none running
  int Fd = -1;  // read end of the child's result pipe
  bool running() const { return Pid > 0; }
};

// Returns false and sets Detail when the child cannot be started.
bool startIsolated(const std::function<std::string()> &Work,
                   IsolatedChild &Child, std::string &Detail);
IsolateStatus finishIsolated(IsolatedChild &Child, unsigned TimeoutSeconds,
                             std::string &Out, std::string &Detail);
// Kills and reaps a child whose results are no longer wanted.
void cancelIsolated(IsolatedChild &Child);

} // namespace bpfverify

#endif
