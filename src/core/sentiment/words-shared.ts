/**
 * Emoji and emoticons, read the same in French and English: Vigie's own ratings, on VADER's
 * scale. Skin tones and variation selectors are dropped before lookup.
 */
export const SHARED_WORDS = `
-3 🤬 🤮 💩 😡
-2.5 😠 😤 😭 💔 🖕 👎 🤢 😩 😫 </3
-2 😞 😔 😢 😣 😖 😿 😱 😨 😰 😥 🙄 😒 🤡 ☹ 🙁 :( :-( :'( :(( :[ =(
-1.5 😕 😟 🤦 🤦‍♂ 🤦‍♀ 😬 😑 ❌ ⚠ :/ :-/ =/
1.5 🙂 😉 😏 ✅ 👌 ;) ;-) :p :-p
2 😀 😃 😄 😁 😆 😊 😂 🤣 😎 👍 👏 🙌 🎉 ✨ 💯 🔥 🥳 😋 💪 :) :-) =) :)) :] xd
2.5 😍 🥰 😘 😻 ❤ 💕 💖 💗 💓 💞 💙 💚 💛 💜 🧡 🤩 :D :-D <3
`;
