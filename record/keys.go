package record

import (
	"crypto/ed25519"
	"crypto/x509"
	"encoding/pem"

	"github.com/thidua/thidua/internal/bounded"
	"github.com/thidua/thidua/lang"
)

// MaxKeyBytes is the largest key file ReadPrivateKey and ReadPublicKey
// read: 64 KiB (an Ed25519 key file is about 120 bytes).
const MaxKeyBytes = 64 << 10

// MarshalPrivateKey writes a private key as a PEM block "PRIVATE KEY"
// holding its PKCS #8 form, as openssl writes one.
func MarshalPrivateKey(k ed25519.PrivateKey) ([]byte, error) {
	der, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), nil
}

// MarshalPublicKey writes a public key as a PEM block "PUBLIC KEY" holding
// its PKIX (SubjectPublicKeyInfo) form, as openssl writes one.
func MarshalPublicKey(k ed25519.PublicKey) ([]byte, error) {
	der, err := x509.MarshalPKIXPublicKey(k)
	if err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}), nil
}

// ParsePrivateKey reads an Ed25519 private key written as MarshalPrivateKey
// (or `openssl genpkey -algorithm ed25519`) writes it.
func ParsePrivateKey(data []byte) (ed25519.PrivateKey, error) { return parsePrivate("", data) }

// ParsePublicKey reads an Ed25519 public key written as MarshalPublicKey
// (or `openssl pkey -pubout`) writes it.
func ParsePublicKey(data []byte) (ed25519.PublicKey, error) { return parsePublic("", data) }

// ReadPrivateKey reads a private key file, at most MaxKeyBytes of it.
func ReadPrivateKey(path string) (ed25519.PrivateKey, error) {
	data, err := bounded.ReadFile(path, MaxKeyBytes)
	if err != nil {
		return nil, err
	}
	return parsePrivate(path, data)
}

// ReadPublicKey reads a public key file, at most MaxKeyBytes of it.
func ReadPublicKey(path string) (ed25519.PublicKey, error) {
	data, err := bounded.ReadFile(path, MaxKeyBytes)
	if err != nil {
		return nil, err
	}
	return parsePublic(path, data)
}

func block(name string, data []byte, kind string) ([]byte, error) {
	b, _ := pem.Decode(data)
	if b == nil || b.Type != kind {
		return nil, newError(name, lang.Msg("record.key.pem", kind))
	}
	return b.Bytes, nil
}

func parsePrivate(name string, data []byte) (ed25519.PrivateKey, error) {
	der, err := block(name, data, "PRIVATE KEY")
	if err != nil {
		return nil, err
	}
	k, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		return nil, newError(name, lang.Msg("record.key.der", err.Error()))
	}
	ek, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, newError(name, lang.Msg("record.key.type"))
	}
	return ek, nil
}

func parsePublic(name string, data []byte) (ed25519.PublicKey, error) {
	der, err := block(name, data, "PUBLIC KEY")
	if err != nil {
		return nil, err
	}
	k, err := x509.ParsePKIXPublicKey(der)
	if err != nil {
		return nil, newError(name, lang.Msg("record.key.der", err.Error()))
	}
	ek, ok := k.(ed25519.PublicKey)
	if !ok {
		return nil, newError(name, lang.Msg("record.key.type"))
	}
	return ek, nil
}

// Fingerprint is a public key's fingerprint: "sha256:" and the hex SHA-256
// of its PKIX (DER) form — what `openssl pkey -pubin -in KEY.pub -outform
// DER | openssl dgst -sha256` prints. It is "" for a key that is not 32
// bytes long.
func Fingerprint(k ed25519.PublicKey) string {
	if len(k) != ed25519.PublicKeySize {
		return ""
	}
	der, err := x509.MarshalPKIXPublicKey(k)
	if err != nil {
		return ""
	}
	return hashOf(der)
}
