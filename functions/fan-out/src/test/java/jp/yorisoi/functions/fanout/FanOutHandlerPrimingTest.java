package jp.yorisoi.functions.fanout;

import jp.yorisoi.aws.PrimingHookContract;

class FanOutHandlerPrimingTest extends PrimingHookContract {

    @Override
    protected Class<?> handler() {
        return FanOutHandler.class;
    }
}
