// plugin/LlvmCompat.h — the few Clang/LLVM API differences between the
// majors the plugin is built for (19 and 22; see plugin/CMakeLists.txt),
// kept here so the plugin's code reads the same for every major.
#ifndef BPFVERIFY_PLUGIN_LLVMCOMPAT_H
#define BPFVERIFY_PLUGIN_LLVMCOMPAT_H

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/CodeGen/BackendUtil.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/IR/Module.h"

#include <memory>

namespace bpfverify {
namespace compat {

// Options for a private DiagnosticsEngine, alive as long as it: clang 21+
// takes them by reference, older clangs share ownership.
#if LLVM_VERSION_MAJOR >= 21
struct OwnedDiagOptions {
  clang::DiagnosticOptions Opts;
  clang::DiagnosticOptions &get() { return Opts; }
};
#else
struct OwnedDiagOptions {
  llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> Opts{new clang::DiagnosticOptions()};
  llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> get() { return Opts; }
};
#endif

// CodeGenerator::ReleaseModule returns a raw pointer (19) or a unique_ptr.
inline std::unique_ptr<llvm::Module> ownModule(llvm::Module *M) {
  return std::unique_ptr<llvm::Module>(M);
}
inline std::unique_ptr<llvm::Module> ownModule(std::unique_ptr<llvm::Module> M) {
  return M;
}

// Runs clang's backend on M into OS, its diagnostics going to Diags' client.
// Clang 20+ reports through the CompilerInstance's engine: its client is
// swapped for Diags' while the backend runs (in the forked child only).
inline void emitBackendOutput(clang::CompilerInstance &CI, clang::DiagnosticsEngine &Diags,
                              clang::CodeGenOptions &CGOpts, llvm::StringRef TDesc,
                              llvm::Module *M, clang::BackendAction Action,
                              llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> VFS,
                              std::unique_ptr<llvm::raw_pwrite_stream> OS) {
#if LLVM_VERSION_MAJOR >= 20
  clang::DiagnosticsEngine &Main = CI.getDiagnostics();
  bool Owned = Main.ownsClient();
  std::unique_ptr<clang::DiagnosticConsumer> Kept = Owned ? Main.takeClient() : nullptr;
  clang::DiagnosticConsumer *Old = Owned ? Kept.get() : Main.getClient();
  Main.setClient(Diags.getClient(), /*ShouldOwnClient=*/false);
  clang::emitBackendOutput(CI, CGOpts, TDesc, M, Action, std::move(VFS), std::move(OS));
  Main.setClient(Owned ? Kept.release() : Old, Owned);
#else
  clang::EmitBackendOutput(Diags, CI.getHeaderSearchOpts(), CGOpts, CI.getTargetOpts(),
                           CI.getLangOpts(), TDesc, M, Action, std::move(VFS), std::move(OS));
#endif
}

} // namespace compat
} // namespace bpfverify

#endif
