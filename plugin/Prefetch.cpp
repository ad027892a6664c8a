// plugin/Prefetch.cpp — see Prefetch.h.
#include "Prefetch.h"

#include "bpfverify/bvf.h"

namespace bpfverify {

std::vector<std::string> kernelSpecs(const Options &Opts, bool &Explicit) {
  std::vector<std::string> Specs = Opts.Kernels;
  if (!Opts.Exact.empty())
    Specs = {Opts.Exact};
  Explicit = !Specs.empty();
  if (!Explicit) {
    const char *Def = bvf_kernel_default();
    Specs.push_back(Def ? Def : "6.18");
  }
  return Specs;
}

OpenedKernel openKernel(const std::string &Spec) {
  char Err[512] = "";
  OpenedKernel O;
  O.Spec = Spec;
  O.K = bvf_kernel_open(Spec.c_str(), Err, sizeof Err);
  if (!O.K)
    O.Err = Err[0] ? Err : "cannot open profile";
  return O;
}

KernelPrefetch::KernelPrefetch(std::vector<std::string> S)
    : Specs(std::move(S)) {
  Worker = std::thread([this] {
    for (const std::string &Spec : Specs) {
      OpenedKernel O = openKernel(Spec);
      // What the first program with CO-RE relocations or BTF pointers
      // asks for; a failure is remembered in the kernel and reported by
      // the program that needs it, as without the prefetch.
      if (O.K)
        bvf_kernel_preload(O.K);
      Kernels.push_back(std::move(O));
    }
  });
}

const std::vector<OpenedKernel> &KernelPrefetch::wait() {
  if (Worker.joinable())
    Worker.join();
  return Kernels;
}

KernelPrefetch::~KernelPrefetch() {
  wait();
  for (OpenedKernel &O : Kernels)
    bvf_kernel_close(O.K);
}

} // namespace bpfverify
