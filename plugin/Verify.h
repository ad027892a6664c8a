// plugin/Verify.h — from the in-memory BPF object to Clang diagnostics:
// runs facade-clang on every (program, kernel), maps instructions to source
// locations and reports errors/notes, the JSON document and the log.
#ifndef BPFVERIFY_PLUGIN_VERIFY_H
#define BPFVERIFY_PLUGIN_VERIFY_H

#include "Options.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"

namespace clang {
class ASTContext;
class CompilerInstance;
class DiagnosticsEngine;
} // namespace clang

namespace bpfverify {

// The one warning every internal failure becomes.
void reportInternalError(clang::DiagnosticsEngine &Diags, const llvm::Twine &Msg);

// Verifies the object `Object` (the compilation of `SourceName`) and reports
// the results through the compilation's diagnostics engine.
void verifyObject(clang::CompilerInstance &CI, clang::ASTContext &Ctx,
                  const Options &Opts, llvm::StringRef Object,
                  llvm::StringRef SourceName);

} // namespace bpfverify

#endif
