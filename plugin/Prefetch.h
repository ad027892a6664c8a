// plugin/Prefetch.h — opens the compilation's kernel profiles and loads their
// BTF (and CO-RE name index) in a background thread while clang parses the
// source, so that verifying in the child (Isolate.h) finds them loaded.
//
// Why: loading a profile's BTF is ~10 ms of CPU each (libbpf copies and
// indexes ~5 MB), 30 ms for kernel=6.1,6.12,6.18, which the child used to
// spend after code generation, on the compile's critical path. Parsing a
// vmlinux.h-based source takes longer than that, so on a machine with a
// free core the loads cost the compile no wall time. The thread is joined
// before the child is forked (a fork must not copy a thread holding a lock);
// the child inherits the loaded profiles.
#ifndef BPFVERIFY_PLUGIN_PREFETCH_H
#define BPFVERIFY_PLUGIN_PREFETCH_H

#include "Options.h"

#include <string>
#include <thread>
#include <vector>

struct bvf_kernel;

namespace bpfverify {

// One kernel of the compilation: opened (K) or why not (Err).
struct OpenedKernel {
  std::string Spec;
  bvf_kernel *K = nullptr;
  std::string Err;
};

// The profiles a compilation verifies for: kernel=..., exact=K, or the
// default; Explicit is false for the default.
std::vector<std::string> kernelSpecs(const Options &Opts, bool &Explicit);

// Opens `Spec` as collect() always did: the kernel, or the reason.
OpenedKernel openKernel(const std::string &Spec);

class KernelPrefetch {
public:
  explicit KernelPrefetch(std::vector<std::string> Specs);
  ~KernelPrefetch();   // joins, then closes the kernels
  KernelPrefetch(const KernelPrefetch &) = delete;
  KernelPrefetch &operator=(const KernelPrefetch &) = delete;
  // Joins the thread (once); the kernels in the order of the specs.
  const std::vector<OpenedKernel> &wait();

private:
  std::vector<std::string> Specs;
  std::vector<OpenedKernel> Kernels;
  std::thread Worker;
};

} // namespace bpfverify

#endif
