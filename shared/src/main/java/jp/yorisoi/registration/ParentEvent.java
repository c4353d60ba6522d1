package jp.yorisoi.registration;

/**
 * What a parent did in the LINE chat, stripped of the webhook's wire format. Only what the conversation needs;
 * the user id and reply token travel beside it.
 */
public sealed interface ParentEvent {

    /** Added the account as a friend; {@code unblocked} when they had blocked it before. */
    record Followed(boolean unblocked) implements ParentEvent {}

    /** Blocked the account: pushes would be wasted. */
    record Unfollowed() implements ParentEvent {}

    /** Typed a text. */
    record Text(String text) implements ParentEvent {}

    /** Tapped a button; {@code pickedDate} is the raw date from a date picker, or null. */
    record Postback(String data, String pickedDate) implements ParentEvent {}

    /** A sticker, photo, voice message, location or anything else the conversation cannot read. */
    record OtherMessage() implements ParentEvent {}
}
