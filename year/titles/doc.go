// Package titles checks the emulation titles (danh hiệu thi đua) a unit
// confers on its own collectives and people — Lao động tiên tiến and Chiến
// sĩ thi đua cơ sở for individuals (cá nhân), Tập thể lao động tiên tiến and
// Tập thể lao động xuất sắc for collectives (tập thể: phòng, trung tâm, chi
// cục) — against their conditions and quotas, stated as data.
//
// A title may require other titles the same year (Chiến sĩ thi đua cơ sở
// requires Lao động tiên tiến), a recognised initiative (sáng kiến được công
// nhận), facts about the holder (hoàn thành tốt nhiệm vụ, không bị kỷ luật),
// a share of a collective's people holding a title ("at least 70%", or
// "more than 50%": trên 50%), and a cap: at most a share of the holders of
// another title, rounded as stated (rules.Share and rules.RoundingMode, the
// whole number by rules.RoundInt) — "không quá 15% số cá nhân đạt Lao động
// tiên tiến", rounded down.
//
// The holders may be listed, each with the titles awarded: then every
// condition is checked, holder by holder. When only the numbers are known
// (a published report: "09 tập thể lao động tiên tiến, 02 Chiến sĩ thi đua
// cơ sở, 73 Lao động tiên tiến"), only the quotas can be. A title over its
// cap, or a holder failing a condition, is a finding of the Report, not an
// error of the file. A failure names the holder, the title and the
// condition in any language (Failure.Text); WriteText writes the whole
// check as thidua titles prints it, in Vietnamese or English.
//
// The conditions and quotas in the examples are recalled, not read in the
// legal texts (Law 06/2022/QH15, ND 98/2023/NĐ-CP): the files say so, and
// they must be checked before use. A titles file is YAML or JSON, decoded
// strictly, its problems reported in English (Error) or, with Errors.Text,
// in Vietnamese; see examples/cum2-years/titles-*.yaml for every key.
package titles
