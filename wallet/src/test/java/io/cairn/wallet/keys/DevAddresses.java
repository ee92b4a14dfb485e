package io.cairn.wallet.keys;

/** The tcairn addresses of the dev phrase accounts 0-9 (m/44'/1729'/i'/0'), pinned. */
final class DevAddresses {
  static final String[] ALL = {
    "tcairn1qqaxvefxyppgu945h7u3es35nfn77snj6q7nmeus4cu3saklt6gfwcjxc8e",
    "tcairn1qrrk5kucgknjlwezl2cmmgnvn47lg2zw8xx560s5ccwvjq5g55tzc8g50dq",
    "tcairn1qq68gsukwpjazvswseht9qw2vnmneqc59m2mahderp58vgy37qz4qljsef8",
    "tcairn1qrhuscteepkack0h4qerc0pxccn88wthw07yrumca0gjdcl46s772a00y4c",
    "tcairn1qp34c97k2hnt0lksjs49j95m4x3w4e57vnf57u7uckfpaygn77n0gv86nxg",
    "tcairn1qpj4jfwtlmjxaplwkgpjdm95hhjdnfrkdr4g73rauggtkll0zx0fc9devvw",
    "tcairn1qzdgjhm60s6vmpspdqssmkxuyd32shje5m0xxt64vqcn5yyc5sqtuqkg3gt",
    "tcairn1qz3nwd8cfjuahep5uvvpdesj785r7ur4crarrj659zfjxgfalwevz08h9kx",
    "tcairn1qprmx5u65ex5mfjhv2jjlcmfyqzkt2hdn3auu6dzyh0hsnfqgmyx5860992",
    "tcairn1qz5f087krxezmw7xlgy9vjzq6vavv3zf06afm6tz4nvjsc73jxm4cep60xw",
  };

  private DevAddresses() {}
}
