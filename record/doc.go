// Package record seals a cluster's result into a record that can be
// verified years later (hồ sơ kết quả niêm phong): which engine ranked
// which score sheet (bảng điểm) under which rulebook (bộ tiêu chí), with
// which seed and lots drawn (bốc thăm), with which standings and awards
// (kết quả xếp hạng, đề nghị khen thưởng), when, after which record of the
// year before, signed by whom (chữ ký của thường trực cụm / khối thi đua).
//
// A record is a JSON document of schema "thidua/record/v1" (docs/record.md)
// that holds no JSON number — every integer and decimal is a string — and
// is written in the canonical form of RFC 8785 (JCS, package record/jcs):
// members sorted, no whitespace, minimal escapes. Its hash is
// "sha256:" and the hex SHA-256 of that canonical form without the fields
// "hash" and "signature"; the record states it in "hash". Its signature is
// Ed25519 (RFC 8032) over the same bytes, by the key whose fingerprint the
// record names in "signer". The year after, the cluster's next record
// names this hash in "prev": a cluster's years form a chain (chuỗi hồ sơ),
// in which an altered, missing or doubled year shows.
//
// Verify checks one record — that it is intact, its signature, the
// rulebook and sheet it names, and the result, by ranking the sheet again —
// and says, for each check that fails, why: Tampered, WrongRulebook,
// ChangedSheet, DifferentResult, BrokenChain or UnknownKey. VerifyChain
// checks a cluster's records together. All of it can be done without this
// package: docs/record.md shows how, with Python's standard library and
// openssl.
//
// Seal signs with a key read by ReadPrivateKey: PKCS #8 in PEM, as openssl
// writes one; a public key is PKIX in PEM.
package record
