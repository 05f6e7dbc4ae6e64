from keras.layers import Input, Conv2D, MaxPooling2D, Flatten, Dense, Dropout
from keras.models import Model

input_img = Input(shape=(48, 48, 1))
conv = Conv2D(32, (3, 3), activation='relu', padding='same')(input_img)
conv = MaxPooling2D((2, 2), padding='same')(conv)
conv = Conv2D(64, (3, 3), activation='relu', padding='same')(conv)
conv = MaxPooling2D((2, 2), padding='same')(conv)
flat = Flatten()(conv)
hidden = Dense(256, activation='relu')(flat)
hidden = Dropout(0.4)(hidden)
output = Dense(7, activation='softmax')(hidden)
model = Model(inputs=input_img, outputs=output)
print(flat.shape)
model.summary()
