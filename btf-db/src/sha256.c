/* sha256.c — SHA-256 of buffers and files (OpenSSL's libcrypto), for the
 * sources and files profile.json records. Import side only: the library
 * that reads profiles does not link libcrypto. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <openssl/evp.h>

#include "bvdb_internal.h"

static void hex(const unsigned char *md, char out[65])
{
	static const char digits[] = "0123456789abcdef";

	for (int i = 0; i < 32; i++) {
		out[2 * i] = digits[md[i] >> 4];
		out[2 * i + 1] = digits[md[i] & 15];
	}
	out[64] = '\0';
}

void bvdb_sha256(const void *data, size_t len, char out[65])
{
	unsigned char md[32];
	unsigned int mdlen = 0;

	if (!EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL) || mdlen != 32)
		memset(md, 0, sizeof(md));
	hex(md, out);
}

int bvdb_sha256_file(const char *path, char out[65], char *err, size_t errsz)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	unsigned char md[32], buf[1 << 16];
	unsigned int mdlen = 0;
	FILE *f = fopen(path, "rb");
	size_t got;
	int e = 0;

	if (!f || !ctx || !EVP_DigestInit_ex(ctx, EVP_sha256(), NULL)) {
		e = f ? ENOMEM : errno;
		goto out;
	}
	while ((got = fread(buf, 1, sizeof(buf), f)) > 0)
		if (!EVP_DigestUpdate(ctx, buf, got)) {
			e = EIO;
			goto out;
		}
	if (ferror(f) || !EVP_DigestFinal_ex(ctx, md, &mdlen) || mdlen != 32)
		e = EIO;
out:
	if (f)
		fclose(f);
	EVP_MD_CTX_free(ctx);
	if (e) {
		bvdb_set_err(err, errsz, "%s: %s", path, strerror(e));
		return -e;
	}
	hex(md, out);
	return 0;
}

